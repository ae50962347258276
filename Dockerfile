# Build stage: the same Maven build as CI, without tests (CI runs them).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
RUN mvn -B -q package -DskipTests

# Runtime stage: a deployment folder holding the jar, application.yaml and routes/.
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /app ahibridge
WORKDIR /app
COPY --from=build /src/target/ahi-bridge.jar /app/ahi-bridge.jar
COPY --from=build /src/target/emulators /app/emulators
COPY application.yaml /app/application.yaml
COPY routes /app/routes
RUN mkdir -p /app/data /app/audit && chown -R ahibridge /app/data /app/audit
USER ahibridge
# Mount your own routes over /app/routes and state volumes on /app/data and /app/audit.
VOLUME ["/app/data", "/app/audit"]
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/ahi-bridge.jar"]
