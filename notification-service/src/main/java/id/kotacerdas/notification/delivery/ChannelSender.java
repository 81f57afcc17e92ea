package id.kotacerdas.notification.delivery;

import id.kotacerdas.contracts.notification.Channel;
import id.kotacerdas.notification.template.RenderedMessage;

/** Sends one rendered message over one channel, with that channel's providers and resilience. */
public interface ChannelSender {

    Channel channel();

    /** Whether this delivery carries an address this channel can use. */
    boolean hasAddress(Delivery delivery);

    SendOutcome send(Delivery delivery, RenderedMessage message);
}
