package dev.lanyard.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ColumnTextTest {

    @Test
    void whatFitsIsKeptAsItIs() {
        assertThat(ColumnText.fit("curl/8.5.0", 512)).isEqualTo("curl/8.5.0");
        assertThat(ColumnText.fit(null, 512)).isNull();
    }

    @Test
    void whatDoesNotFitIsCut() {
        assertThat(ColumnText.fit("agent/" + "x".repeat(1000), 512))
                .hasSize(512)
                .startsWith("agent/xxx");
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        String detail = "d".repeat(999) + "\uD83D\uDE00";

        assertThat(ColumnText.fit(detail, 1000)).isEqualTo("d".repeat(999));
    }
}
