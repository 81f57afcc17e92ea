package id.kotacerdas.notification;

import id.kotacerdas.notification.delivery.DispatchProperties;
import id.kotacerdas.notification.email.EmailProperties;
import id.kotacerdas.notification.sms.SmsProperties;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SmsProperties.class, EmailProperties.class, DispatchProperties.class})
class NotificationConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
