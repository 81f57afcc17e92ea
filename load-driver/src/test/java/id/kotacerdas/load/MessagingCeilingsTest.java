package id.kotacerdas.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.kotacerdas.smsc.MailSink;
import id.kotacerdas.smsc.SmscConfig;
import id.kotacerdas.smsc.SmscSimulator;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class MessagingCeilingsTest {

    @Test
    void theSmscCeilingIsARateOfSingleSmsTheSmscAccepted() throws Exception {
        try (SmscSimulator smsc = SmscSimulator.start(SmscConfig.of("kotacerdas", "rahasia"))) {
            double rate = MessagingCeilings.smscSubmitRate(
                    new MessagingCeilings.Smsc("127.0.0.1", smsc.port(), "kotacerdas", "rahasia"), 300, 4);

            assertThat(rate).isPositive();
            // 200 to warm up, then the 300 measured
            assertThat(smsc.submitCount()).isEqualTo(500);
            assertThat(smsc.received()).hasSize(500).allSatisfy(sms -> {
                assertThat(sms.parts()).isEqualTo(1);
                assertThat(sms.text()).contains("MMK-2026-000123");
            });
        }
    }

    @Test
    void aRefusedBindFailsTheSmscCeilingInsteadOfGivingARate() {
        try (SmscSimulator smsc = SmscSimulator.start(SmscConfig.of("kotacerdas", "rahasia"))) {
            assertThatThrownBy(() -> MessagingCeilings.smscSubmitRate(
                    new MessagingCeilings.Smsc("127.0.0.1", smsc.port(), "kotacerdas", "salah"), 10, 1))
                    .isInstanceOf(IOException.class);
            assertThat(smsc.submitCount()).isZero();
        }
    }

    @Test
    void theSmtpCeilingIsARateOfMailsTheServerReceived() throws Exception {
        try (MailSink mail = MailSink.start("127.0.0.1", 0)) {
            double rate = MessagingCeilings.smtpSendRate("127.0.0.1", mail.port(), 120, 3);

            assertThat(rate).isPositive();
            // 50 to warm up, then the 120 measured
            assertThat(mail.receivedCount()).isEqualTo(170);
        }
    }
}
