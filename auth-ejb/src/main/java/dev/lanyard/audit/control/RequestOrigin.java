package dev.lanyard.audit.control;

import jakarta.enterprise.context.RequestScoped;

/**
 * Where the current request comes from and who makes it, filled in by the web tier so that the audit trail can
 * say it without every business method passing it along.
 */
@RequestScoped
public class RequestOrigin {

    private String ip;
    private String userAgent;
    private String actorKind;
    private Long actorId;
    private Long tokenId;

    public void from(String ip, String userAgent) {
        this.ip = ip;
        this.userAgent = userAgent;
    }

    public void by(String actorKind, long actorId, long tokenId) {
        this.actorKind = actorKind;
        this.actorId = actorId;
        this.tokenId = tokenId;
    }

    public String ip() {
        return ip;
    }

    public String userAgent() {
        return userAgent;
    }

    public String actorKind() {
        return actorKind;
    }

    public Long actorId() {
        return actorId;
    }

    public Long tokenId() {
        return tokenId;
    }
}
