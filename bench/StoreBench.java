// bench/store.sh's client (run with `java -cp <nimbus-jose-jwt.jar> bench/StoreBench.java ...`):
//   keys DIR                      writes DIR/ehr-jwks.json (public) and DIR/ehr-key.json (private ES384 key)
//   run DIR BODY WARMUP N URL...  sequential order-select calls, one at a time, alternating between the URLs
//                                 (the same call to each service in turn, so both see the same machine load);
//                                 a fresh signed JWT per call (signed before the clock starts); prints per URL
//                                 the latency percentiles of the N measured calls and the count of non-200s
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Date;
import java.util.UUID;

public class StoreBench {

    static final String ISS = "https://ehr.bench.example";
    static final String AUD = "https://cds.bench.example/cds-services/hypomagnesemia-order-select";

    public static void main(String[] a) throws Exception {
        Path dir = Path.of(a[1]);
        if (a[0].equals("keys")) {
            ECKey key = new ECKeyGenerator(Curve.P_384).keyID("bench-1").generate();
            Files.writeString(dir.resolve("ehr-jwks.json"), new JWKSet(key.toPublicJWK()).toString());
            Files.writeString(dir.resolve("ehr-key.json"), key.toJSONString());
            return;
        }
        ECKey key = ECKey.parse(Files.readString(dir.resolve("ehr-key.json")));
        String body = Files.readString(Path.of(a[2]));
        int warmup = Integer.parseInt(a[3]);
        int n = Integer.parseInt(a[4]);
        String[] urls = Arrays.copyOfRange(a, 5, a.length);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long[][] nanos = new long[urls.length][n];
        int[] bad = new int[urls.length];
        for (int i = 0; i < warmup + n; i++) {
            for (int u = 0; u < urls.length; u++) {
                HttpRequest req = HttpRequest.newBuilder(URI.create(urls[u] + "/cds-services/hypomagnesemia-order-select"))
                        .header("Content-Type", "application/json").header("Authorization", "Bearer " + token(key))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                long t0 = System.nanoTime();
                HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                long t = System.nanoTime() - t0;
                if (r.statusCode() != 200) {
                    bad[u]++;
                }
                if (i >= warmup) {
                    nanos[u][i - warmup] = t;
                }
            }
        }
        for (int u = 0; u < urls.length; u++) {
            long[] s = nanos[u].clone();
            Arrays.sort(s);
            double mean = Arrays.stream(s).average().orElse(0) / 1e6;
            System.out.printf("RESULT url=%s n=%d non200=%d mean_ms=%.3f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f%n",
                    urls[u], n, bad[u], mean, s[n / 2] / 1e6, s[(int) (n * 0.9)] / 1e6, s[(int) (n * 0.99)] / 1e6,
                    s[n - 1] / 1e6);
        }
    }

    static String token(ECKey key) throws Exception {
        long now = System.currentTimeMillis();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISS).audience(AUD).issueTime(new Date(now))
                .expirationTime(new Date(now + 300_000)).jwtID(UUID.randomUUID().toString()).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES384).keyID("bench-1")
                .type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }
}
