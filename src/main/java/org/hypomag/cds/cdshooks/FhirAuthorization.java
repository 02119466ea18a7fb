package org.hypomag.cds.cdshooks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code fhirAuthorization} of a hook request. The token is never printed (see toString). */
@JsonIgnoreProperties(ignoreUnknown = true)
record FhirAuthorization(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") Long expiresIn,
        String scope,
        String subject,
        String patient) {

    @Override
    public String toString() {
        return "FhirAuthorization[tokenType=" + tokenType + ", scope=" + scope + ", accessToken=***]";
    }
}
