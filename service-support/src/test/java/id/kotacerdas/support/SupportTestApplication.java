package id.kotacerdas.support;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A minimal service: just the shared mechanics, with a test aggregate and a test listener. */
@SpringBootApplication
public class SupportTestApplication {
}
