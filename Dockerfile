# syntax=docker/dockerfile:1
# Build: the same Maven wrapper and artefact the README runs.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src/ src/
COPY fhir-samples/ fhir-samples/
RUN ./mvnw -B -q -DskipTests package \
 && cp target/hypomagnesemia-cds-*.jar /tmp/app.jar \
 && java -Djarmode=tools -jar /tmp/app.jar extract --destination /app

# Run: JRE 17, non-root, port 8080, health from the actuator.
FROM eclipse-temurin:17-jre
RUN groupadd --system cds && useradd --system --gid cds --home-dir /app --shell /usr/sbin/nologin cds
WORKDIR /app
COPY --from=build /app/ /app/
# Class-data-sharing archive from a training start (Spring stops right after the context refresh): the
# service then starts in about 5 s instead of 7-8 s on 2 cores (measured on the development machine, see
# BENCHMARKS.md). The training start uses demo mode only so that it needs no issuer configuration.
RUN java -XX:ArchiveClassesAtExit=/app/app.jsa -Dspring.context.exit=onRefresh \
        -jar /app/app.jar --cds.security.mode=demo > /dev/null \
 && chown -R cds:cds /app
USER cds
EXPOSE 8080
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
HEALTHCHECK --interval=30s --timeout=3s --start-period=30s --retries=3 \
  CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/8080 && printf "GET /actuator/health HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3 && grep -q "\"UP\"" <&3'
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/app.jsa", "-Xshare:auto", "-jar", "/app/app.jar"]
