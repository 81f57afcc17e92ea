package id.kotacerdas.smsc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A context class loader for the mail sink's threads that reads each {@code META-INF/services} file
 * of its parent once and answers later look-ups from memory.
 * <p>
 * Jakarta Mail finds its {@code StreamProvider} with a {@link java.util.ServiceLoader} on the thread's
 * context class loader, anew for every header block and every body part written or parsed, and a
 * service look-up asks every jar on the class path for the file and opens the ones that have it
 * (uncached). On a service's class path of a few hundred jars that was most of what the sink spent
 * per e-mail beyond storing it. Everything else (classes, other resources) is the parent's, so the
 * providers found, and their order, are the parent's. Only threads the sink starts (and its own
 * {@link MailSink#received()} calls) use this loader; nothing JVM-wide is set.
 */
final class ServiceLookupCache extends ClassLoader {

    private static final String SERVICES = "META-INF/services/";
    private static final String PROTOCOL = "kotacerdas-service-cache";

    private final ConcurrentMap<String, List<URL>> services = new ConcurrentHashMap<>();

    ServiceLookupCache(ClassLoader parent) {
        super("mail-sink-service-lookups", parent);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        if (!name.startsWith(SERVICES)) {
            return super.getResources(name);
        }
        List<URL> cached = services.get(name);
        if (cached == null) {
            cached = read(name);
            List<URL> raced = services.putIfAbsent(name, cached);
            if (raced != null) {
                cached = raced;
            }
        }
        return Collections.enumeration(cached);
    }

    private List<URL> read(String name) throws IOException {
        List<URL> copies = new ArrayList<>();
        Enumeration<URL> found = getParent().getResources(name);
        while (found.hasMoreElements()) {
            URL original = found.nextElement();
            byte[] content;
            try (InputStream in = original.openStream()) {
                content = in.readAllBytes();
            }
            copies.add(inMemory(copies.size() + "/" + name, content));
        }
        return List.copyOf(copies);
    }

    @SuppressWarnings("deprecation") // URL(protocol, host, port, file, handler): the way to give a URL its own handler on Java 17
    private static URL inMemory(String path, byte[] content) throws IOException {
        return new URL(PROTOCOL, "", -1, "/" + path, new URLStreamHandler() {
            @Override
            protected URLConnection openConnection(URL url) {
                return new URLConnection(url) {
                    @Override
                    public void connect() {
                        connected = true;
                    }

                    @Override
                    public InputStream getInputStream() {
                        return new ByteArrayInputStream(content);
                    }
                };
            }
        });
    }
}
