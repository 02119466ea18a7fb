# syntax=docker/dockerfile:1
# Build: the same Maven wrapper and artefact the README runs.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src/ src/
COPY fhir-samples/ fhir-samples/
RUN ./mvnw -B -q -DskipTests package && cp target/hypomagnesemia-cds-*.jar /app.jar

# Run: JRE 17, non-root, port 8080, health from the actuator.
FROM eclipse-temurin:17-jre
RUN groupadd --system cds && useradd --system --gid cds --home-dir /app --shell /usr/sbin/nologin cds
WORKDIR /app
COPY --from=build /app.jar /app/app.jar
USER cds
EXPOSE 8080
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
HEALTHCHECK --interval=30s --timeout=3s --start-period=30s --retries=3 \
  CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/8080 && printf "GET /actuator/health HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3 && grep -q "\"UP\"" <&3'
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
