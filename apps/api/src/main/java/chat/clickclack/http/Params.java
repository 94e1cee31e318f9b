package chat.clickclack.http;

import io.javalin.http.Context;

/** Query parameters with bounds: a bad value is a 400 naming the parameter, never a 500. */
public final class Params {
    private Params() {}

    public static Long optionalLong(Context ctx, String name, long min, long max) {
        var raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            long value = Long.parseLong(raw.trim());
            if (value < min || value > max) {
                throw new ApiException.Invalid(name + " must be between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ApiException.Invalid(name + " must be an integer");
        }
    }

    public static int limit(Context ctx, int min, int max, int fallback) {
        var value = optionalLong(ctx, "limit", min, max);
        return value == null ? fallback : value.intValue();
    }

    public static String required(Context ctx, String name) {
        var raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            throw new ApiException.Invalid("query parameter " + name + " is required");
        }
        return raw.trim();
    }

    public static boolean flag(Context ctx, String name) {
        var raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return false;
        }
        return switch (raw.trim().toLowerCase()) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new ApiException.Invalid(name + " must be true or false");
        };
    }
}
