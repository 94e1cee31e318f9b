# Build the jar first: ./mvnw -pl apps/api -am package -DskipTests
FROM eclipse-temurin:21-jre
WORKDIR /app
COPY apps/api/target/clickclack.jar /app/clickclack.jar
VOLUME /data
EXPOSE 8080
ENV CLICKCLACK_DATA=/data CLICKCLACK_ADDR=:8080
ENTRYPOINT ["java", "--enable-native-access=ALL-UNNAMED", "-jar", "/app/clickclack.jar"]
CMD ["serve"]
