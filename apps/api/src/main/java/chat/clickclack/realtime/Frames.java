package chat.clickclack.realtime;

import chat.clickclack.http.Json;
import com.fasterxml.jackson.core.JsonProcessingException;

/** What travels in a text frame: one event as UTF-8 JSON, encoded once and shared by every socket. */
final class Frames {
    private Frames() {}

    static byte[] of(Object event) {
        try {
            return Json.MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + event.getClass().getSimpleName(), e);
        }
    }
}
