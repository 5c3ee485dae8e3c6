package dev.lanyard.token.control;

import dev.lanyard.persistence.ColumnText;

/** Where a token was used from: the client's address (behind trusted proxies) and its user agent. */
public record TokenUse(String ip, String userAgent) {

    public TokenUse {
        ip = ColumnText.fit(ip, ColumnText.MAX_IP);
        userAgent = ColumnText.fit(userAgent, ColumnText.MAX_USER_AGENT);
    }
}
