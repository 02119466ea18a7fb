package org.hypomag.cds.analytics;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The analytics admin credentials ({@code cds.analytics.admin-tokens}): each entry is {@code sha256:} and the
 * 64 hex digits of the SHA-256 of a bearer token, so the configuration holds no token. A presented token is
 * hashed and compared with every entry in constant time ({@link MessageDigest#isEqual}).
 * Make one: {@code printf %s "$TOKEN" | sha256sum}.
 */
final class AdminTokens {

    private static final Pattern ENTRY = Pattern.compile("sha256:[0-9a-f]{64}");
    static final int MAX_TOKEN_CHARS = 512;

    private final List<byte[]> hashes;

    AdminTokens(List<String> entries) {
        this.hashes = entries.stream().map(String::trim).filter(e -> !e.isEmpty()).map(e -> {
            String lower = e.toLowerCase(Locale.ROOT);
            if (!ENTRY.matcher(lower).matches()) {
                throw new IllegalStateException("cds.analytics.admin-tokens: each entry must be sha256:<64 hex "
                        + "digits> (the SHA-256 of the token), never the token itself");
            }
            return HexFormat.of().parseHex(lower.substring(7));
        }).toList();
    }

    boolean isEmpty() {
        return hashes.isEmpty();
    }

    /** Whether the token's hash is one of the configured ones; every entry is compared. */
    boolean accepts(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_CHARS) {
            return false;
        }
        byte[] presented = sha256(token);
        boolean match = false;
        for (byte[] h : hashes) {
            match |= MessageDigest.isEqual(h, presented);
        }
        return match;
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
