package id.kotacerdas.gateway.docs;

import id.kotacerdas.gateway.GatewayProperties;
import id.kotacerdas.gateway.identity.ApiKeys;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The gateway's own OpenAPI document (the API-client endpoints), addressed at the public base URL. */
@Configuration
public class GatewayOpenApi {

    @Bean
    OpenAPI gatewayApiDescription(GatewayProperties properties) {
        return new OpenAPI()
                .info(new Info().title("Kota Cerdas gateway").version("v1")
                        .description("API clients and their keys. Every service's own API is listed beside this "
                                + "one in the Swagger UI at /docs; the event topics are described at /docs/events."))
                .addServersItem(new Server().url(properties.publicBaseUrl()))
                .components(new Components()
                        .addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name(ApiKeys.HEADER))
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
