package chat.clickclack.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.stream.Collectors;

/** Reads JSON request bodies into records, turning every kind of bad input into a 400 that says what is wrong. */
public final class Bodies {
    private Bodies() {}

    public static <T> T read(Context ctx, Class<T> type) {
        var bytes = ctx.bodyAsBytes();
        if (bytes.length == 0) {
            throw new ApiException.Invalid("request body required (JSON object)");
        }
        try {
            var value = Json.MAPPER.readValue(bytes, type);
            if (value == null) {
                throw new ApiException.Invalid("request body must be a JSON object");
            }
            return value;
        } catch (JsonParseException e) {
            throw new ApiException.Invalid("malformed JSON: " + e.getOriginalMessage());
        } catch (MismatchedInputException e) {
            var field = fieldPath(e);
            throw new ApiException.Invalid(field.isEmpty()
                    ? "request body must be a JSON object"
                    : "field '" + field + "' has the wrong type");
        } catch (JsonMappingException e) {
            var field = fieldPath(e);
            var cause = e.getCause() instanceof ApiException api ? api.getMessage() : null;
            if (cause != null) {
                throw new ApiException.Invalid(cause);
            }
            throw new ApiException.Invalid(field.isEmpty() ? "invalid request body" : "field '" + field + "' is invalid");
        } catch (IOException e) {
            throw new ApiException.Invalid("unreadable request body");
        }
    }

    private static String fieldPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
