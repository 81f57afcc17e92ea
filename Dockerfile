# syntax=docker/dockerfile:1
# One Dockerfile for every module that runs: docker build --build-arg MODULE=routing-service .
# A service module runs its Spring Boot executable jar; MODULE=local-stack runs the SMTP/SMPP sinks.
ARG JAVA_VERSION=17

FROM eclipse-temurin:${JAVA_VERSION}-jdk AS build
ARG MODULE
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    test -n "${MODULE}" && test -f "${MODULE}/pom.xml" \
 && ./mvnw -q -B -DskipTests -pl "${MODULE}" -am package \
 && mkdir -p /out \
 && if [ "${MODULE}" = "local-stack" ]; then \
      cp -r local-stack/target/classes local-stack/target/lib /out/; \
    else \
      cp "${MODULE}"/target/"${MODULE}"-*-exec.jar /out/app.jar; \
    fi

FROM eclipse-temurin:${JAVA_VERSION}-jre
ARG MODULE
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /data --create-home kotacerdas
WORKDIR /app
COPY --from=build /out/ /app/
ENV MODULE=${MODULE} \
    JAVA_OPTS="-XX:+UseSerialGC -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
USER kotacerdas
EXPOSE 8080
ENTRYPOINT ["sh", "-c", "if [ -f /app/app.jar ]; then exec java $JAVA_OPTS -jar /app/app.jar; else exec java $JAVA_OPTS -Dsmartcity.home=/data -Dsmartcity.log.file=/data/sinks.log -cp '/app/classes:/app/lib/*' id.kotacerdas.localstack.SmartCity sinks; fi"]
