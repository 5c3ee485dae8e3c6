package dev.lanyard.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.microprofile.openapi.models.PathItem.HttpMethod;
import org.junit.jupiter.api.Test;

class OpenApiContractTest {

    @Test
    void operationIdsFollowMethodAndPath() {
        assertThat(OpenApiContract.operationId(HttpMethod.GET, "/api/posts")).isEqualTo("getPosts");
        assertThat(OpenApiContract.operationId(HttpMethod.GET, "/api/posts/{id}"))
                .isEqualTo("getPostsById");
        assertThat(OpenApiContract.operationId(HttpMethod.POST, "/api/admin/clients/{id}/tokens"))
                .isEqualTo("postAdminClientsByIdTokens");
        assertThat(OpenApiContract.operationId(HttpMethod.POST, "/api/logout-all"))
                .isEqualTo("postLogoutAll");
        assertThat(OpenApiContract.operationId(HttpMethod.POST, "/api/oauth/introspect"))
                .isEqualTo("postOauthIntrospect");
    }

    @Test
    void serversArePathsResolvedAgainstWhereTheDocumentWasFetched() {
        assertThat(OpenApiContract.serverPath("http://localhost:8080/lanyard")).isEqualTo("/lanyard");
        assertThat(OpenApiContract.serverPath("https://auth.example.com:8181/")).isEqualTo("/");
        assertThat(OpenApiContract.serverPath("http://vm:8080")).isEqualTo("/");
    }
}
