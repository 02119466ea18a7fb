package org.hypomag.cds.security;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/** Builds test JWTs, including the malformed and hostile ones. */
public final class TokenBuilder {

    private final TestIssuer issuer;
    private final Map<String, Object> claims = new LinkedHashMap<>();
    private JWSAlgorithm alg;
    private String kid;
    private JOSEObjectType typ = JOSEObjectType.JWT;
    private URI jku;
    private JWK signingKey;

    TokenBuilder(TestIssuer issuer) {
        this.issuer = issuer;
    }

    public TokenBuilder alg(JWSAlgorithm alg) {
        this.alg = alg;
        return this;
    }

    public TokenBuilder kid(String kid) {
        this.kid = kid;
        return this;
    }

    public TokenBuilder typ(JOSEObjectType typ) {
        this.typ = typ;
        return this;
    }

    public TokenBuilder jku(String jku) {
        this.jku = URI.create(jku);
        return this;
    }

    /** Sign with this key instead of the issuer's (a forged or rotated key). */
    public TokenBuilder signWith(JWK key) {
        this.signingKey = key;
        return this;
    }

    /** Sets a claim; {@code null} removes it. */
    public TokenBuilder claim(String name, Object value) {
        if (value == null) {
            claims.remove(name);
        } else {
            claims.put(name, value);
        }
        return this;
    }

    public String sign() {
        try {
            SignedJWT jwt = new SignedJWT(header(alg), claimsSet());
            jwt.sign(signer());
            return jwt.serialize();
        } catch (JOSEException | java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An unsecured token ({@code alg: none}, empty signature). */
    public String unsigned() throws java.text.ParseException {
        return new PlainJWT(claimsSet()).serialize();
    }

    /** {@code alg: none} in a JWS-shaped header with kid and typ, and a signature part that is not empty. */
    public String noneWithSignaturePart() throws java.text.ParseException {
        String header = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}").toString();
        return header + "." + Base64URL.encode(claimsSet().toString()) + "." + Base64URL.encode("x");
    }

    /** HS256 with the issuer's public EC key bytes as the HMAC secret (the classic key-confusion attack). */
    public String hs256WithPublicKey() throws JOSEException, java.text.ParseException {
        SignedJWT jwt = new SignedJWT(header(JWSAlgorithm.HS256), claimsSet());
        jwt.sign(new MACSigner(issuer.ecKey().toECPublicKey().getEncoded()));
        return jwt.serialize();
    }

    private JWSHeader header(JWSAlgorithm algorithm) {
        return new JWSHeader.Builder(algorithm).keyID(kid).type(typ).jwkURL(jku).build();
    }

    private JWTClaimsSet claimsSet() throws java.text.ParseException {
        return JWTClaimsSet.parse(claims);
    }

    private JWSSigner signer() throws JOSEException {
        JWK key = signingKey != null ? signingKey
                : JWSAlgorithm.Family.EC.contains(alg) ? issuer.ecKey() : issuer.rsaKey();
        return key instanceof ECKey e ? new ECDSASigner(e) : new RSASSASigner((RSAKey) key);
    }
}
