package dev.lanyard.audit.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditEventTest {

    @Test
    void whatACallerSentIsCutToItsColumn() {
        var event = new AuditEvent(AuditEvent.LOGIN_FAILED, null, "email=" + "a".repeat(2000), Instant.EPOCH)
                .from("user", 1L, 2L, "f".repeat(100), "agent/" + "x".repeat(1000));

        assertThat(event.detail()).hasSize(1000).startsWith("email=aaa");
        assertThat(event.ip()).hasSize(64);
        assertThat(event.userAgent()).hasSize(512).startsWith("agent/xxx");
    }

    @Test
    void whatFitsIsKeptAsItIs() {
        var event = new AuditEvent(AuditEvent.LOGIN_FAILED, null, "email=ann@example.com", Instant.EPOCH)
                .from("user", 1L, 2L, "192.0.2.1", null);

        assertThat(event.detail()).isEqualTo("email=ann@example.com");
        assertThat(event.ip()).isEqualTo("192.0.2.1");
        assertThat(event.userAgent()).isNull();
    }
}
