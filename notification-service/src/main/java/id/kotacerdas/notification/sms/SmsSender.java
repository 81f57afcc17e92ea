package id.kotacerdas.notification.sms;

import id.kotacerdas.contracts.notification.Channel;
import id.kotacerdas.notification.delivery.Attempt;
import id.kotacerdas.notification.delivery.ChannelSender;
import id.kotacerdas.notification.delivery.Delivery;
import id.kotacerdas.notification.delivery.SendOutcome;
import id.kotacerdas.notification.recipient.PhoneNumbers;
import id.kotacerdas.notification.template.RenderedMessage;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * SMS over SMPP with failover: providers are tried in order, each behind its own Resilience4j
 * retry (back-off, transient refusals only) → circuit breaker → rate limiter → bulkhead. An open
 * circuit, an exhausted rate limit or a full bulkhead moves on to the next provider at once. A
 * provider that may have taken the message (timeout, partial acceptance) ends the search: it is
 * never offered to another provider.
 */
@Component
public class SmsSender implements ChannelSender, DisposableBean {

    private final SmsProperties properties;
    private final ScheduledExecutorService keeper;
    private final List<GuardedProvider> providers = new ArrayList<>();

    public SmsSender(SmsProperties properties, SmppEvents events, CircuitBreakerRegistry circuitBreakers,
                     RetryRegistry retries, RateLimiterRegistry rateLimiters, BulkheadRegistry bulkheads) {
        this.properties = properties;
        this.keeper = Executors.newScheduledThreadPool(1, runnable -> {
            Thread thread = new Thread(runnable, "smpp-keeper");
            thread.setDaemon(true);
            return thread;
        });
        RetryConfig retryConfig = RetryConfig.from(retries.getDefaultConfig())
                .retryOnException(e -> e instanceof ProviderFailure failure && failure.retryable()).build();
        for (SmsProperties.NamedProvider named : properties.enabledInOrder()) {
            String name = "sms-" + named.name();
            SmsProperties.Provider settings = named.settings();
            SmppProvider provider = new SmppProvider(named.name(), settings, events, keeper);
            RateLimiter rateLimiter = settings.ratePerSecond() <= 0 ? null : rateLimiters.rateLimiter(name,
                    RateLimiterConfig.custom().limitForPeriod(settings.ratePerSecond())
                            .limitRefreshPeriod(Duration.ofSeconds(1)).timeoutDuration(settings.waitForPermit()).build());
            Bulkhead bulkhead = bulkheads.bulkhead(name, BulkheadConfig.custom()
                    .maxConcurrentCalls(settings.maxConcurrent()).maxWaitDuration(settings.waitForPermit()).build());
            providers.add(new GuardedProvider(provider, retries.retry(name, retryConfig), circuitBreakers.circuitBreaker(name),
                    rateLimiter, bulkhead));
            provider.start();
        }
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public boolean hasAddress(Delivery delivery) {
        return PhoneNumbers.normalize(delivery.phone()) != null;
    }

    @Override
    public SendOutcome send(Delivery delivery, RenderedMessage message) {
        EncodedSms sms = SmsEncoding.encode(message.sms());
        String destination = PhoneNumbers.normalize(delivery.phone());
        List<Attempt> answers = Collections.synchronizedList(new ArrayList<>());
        for (GuardedProvider guarded : providers) {
            String provider = guarded.provider().name();
            try {
                List<String> messageIds = guarded.call(() -> {
                    try {
                        return guarded.provider().submit(properties.sourceAddress(), destination, sms);
                    } catch (ProviderFailure failure) {
                        answers.add(Attempt.of(provider, failure.outcome(), failure.getMessage()));
                        throw failure;
                    }
                });
                answers.add(Attempt.of(provider, "accepted", String.join(",", messageIds)));
                return new SendOutcome.Accepted(provider, sms.parts(), messageIds, List.copyOf(answers));
            } catch (CallNotPermittedException e) {
                answers.add(Attempt.of(provider, "circuit-open", "circuit breaker open"));
            } catch (RequestNotPermitted e) {
                answers.add(Attempt.of(provider, "throttled", "rate limit reached"));
            } catch (BulkheadFullException e) {
                answers.add(Attempt.of(provider, "busy", "too many sends in flight"));
            } catch (ProviderFailure failure) {
                if (failure.uncertain()) {
                    return new SendOutcome.Unknown(provider + " " + failure.outcome(), List.copyOf(answers));
                }
            }
        }
        return new SendOutcome.Refused(providers.isEmpty() ? "no-sms-provider" : "all-sms-providers-failed",
                List.copyOf(answers));
    }

    /** Whether each provider's session is bound, by provider name (for health and tests). */
    public java.util.Map<String, Boolean> bindings() {
        java.util.Map<String, Boolean> bound = new java.util.LinkedHashMap<>();
        providers.forEach(p -> bound.put(p.provider().name(), p.provider().isBound()));
        return bound;
    }

    @Override
    public void destroy() {
        providers.forEach(p -> p.provider().close());
        keeper.shutdownNow();
    }

    private record GuardedProvider(SmppProvider provider, Retry retry, CircuitBreaker circuitBreaker,
                                   RateLimiter rateLimiter, Bulkhead bulkhead) {

        <T> T call(Supplier<T> submit) {
            Supplier<T> guarded = Bulkhead.decorateSupplier(bulkhead, submit);
            if (rateLimiter != null) {
                guarded = RateLimiter.decorateSupplier(rateLimiter, guarded);
            }
            guarded = CircuitBreaker.decorateSupplier(circuitBreaker, guarded);
            return Retry.decorateSupplier(retry, guarded).get();
        }
    }
}
