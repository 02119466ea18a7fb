package org.hypomag.cds.store;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hashes (HMAC-SHA256, base64url, 43 characters) of patient, encounter and user ids and of ledger scopes:
 * the database holds no id in clear, and without the key (cds.store.id-hash-key, never in the database) a
 * known id cannot be looked up by hashing it. Every instance sharing a database needs the same key.
 */
final class IdKeys {

    static final int MIN_KEY_CHARS = 32;

    private final SecretKeySpec key;

    IdKeys(String secret) {
        if (secret == null || secret.length() < MIN_KEY_CHARS) {
            throw new IllegalArgumentException("cds.store.id-hash-key must be at least " + MIN_KEY_CHARS
                    + " characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The keyed hash of a value; null stays null. */
    String of(String value) {
        if (value == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] h = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(h);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "IdKeys[HmacSHA256]";
    }
}
