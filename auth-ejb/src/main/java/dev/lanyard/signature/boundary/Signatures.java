package dev.lanyard.signature.boundary;

import dev.lanyard.crypto.Secrets;
import dev.lanyard.signature.control.Aead;
import dev.lanyard.signature.control.Hmac;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Signs and checks values with the server's key, kept in the {@code signing_key} table: created by whichever
 * node needs it first, then read once per JVM. Purposes keep the uses apart; see {@link Hmac}.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Signatures {

    private static final int KEY_BYTES = 32;

    @PersistenceContext
    EntityManager em;

    private volatile Hmac hmac;

    public String sign(String purpose, String payload) {
        return hmac().sign(purpose, payload);
    }

    public boolean verifies(String purpose, String payload, String signature) {
        return hmac().verifies(purpose, payload, signature);
    }

    /** Encrypts {@code plaintext} with a key derived from the server key for {@code purpose}; see {@link Aead}. */
    public byte[] seal(String purpose, String context, byte[] plaintext) {
        return new Aead(hmac().derive(purpose)).seal(plaintext, context);
    }

    public byte[] open(String purpose, String context, byte[] sealed) {
        return new Aead(hmac().derive(purpose)).open(sealed, context);
    }

    private Hmac hmac() {
        Hmac current = hmac;
        if (current == null) {
            current = new Hmac(loadOrCreateKey());
            hmac = current;
        }
        return current;
    }

    /** Racing nodes both insert; the conflict keeps the first key, and both read that one back. */
    private byte[] loadOrCreateKey() {
        byte[] candidate = Secrets.bytes(KEY_BYTES);
        em.createNativeQuery("INSERT INTO signing_key (id, secret, created_at) VALUES (1, ?1, ?2) "
                        + "ON CONFLICT (id) DO NOTHING")
                .setParameter(1, candidate)
                .setParameter(2, Timestamp.from(Instant.now()))
                .executeUpdate();
        return (byte[]) em.createNativeQuery("SELECT secret FROM signing_key WHERE id = 1")
                .getSingleResult();
    }
}
