package chat.clickclack.client;

import com.fasterxml.jackson.databind.JsonNode;

/** Which workspace a command acts in: the one named (id, slug or exact name), else the caller's first one. */
final class Workspaces {
    private Workspaces() {}

    /** The workspace, as GET /api/workspaces lists it; a stored id is trusted without a request. */
    static JsonNode pick(ChatClient client, String wanted) {
        if (wanted != null && wanted.startsWith("wsp_")) {
            return chat.clickclack.http.Json.MAPPER.createObjectNode().put("id", wanted);
        }
        return resolve(client, wanted);
    }

    /** The workspace as listed, matched by id, slug or name (null: the first); 404 exit when there is none. */
    static JsonNode resolve(ChatClient client, String wanted) {
        var workspaces = client.get("/api/workspaces").path("workspaces");
        if (wanted == null) {
            if (workspaces.isEmpty()) {
                throw ClientException.notFound("this account is in no workspace yet: accept an invite first");
            }
            return workspaces.get(0);
        }
        for (var workspace : workspaces) {
            if (wanted.equals(workspace.path("id").asText()) || wanted.equals(workspace.path("slug").asText()) || wanted.equals(workspace.path("name").asText())) {
                return workspace;
            }
        }
        throw ClientException.notFound("no workspace '" + wanted + "' for this account (it is in: "
                + String.join(", ", workspaces.findValuesAsText("slug")) + ")");
    }
}
