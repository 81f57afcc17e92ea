package id.kotacerdas.intake.open311;

import java.io.ByteArrayOutputStream;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/** The two formats of GeoReport v2, chosen by the {@code .json} / {@code .xml} suffix (JSON without one). */
enum Open311Format {
    JSON(MediaType.valueOf("application/json;charset=UTF-8")),
    XML(MediaType.valueOf("text/xml;charset=UTF-8"));

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final XMLOutputFactory XML_OUTPUT = XMLOutputFactory.newFactory();

    private final MediaType contentType;

    Open311Format(MediaType contentType) {
        this.contentType = contentType;
    }

    static Open311Format of(String suffix) {
        return suffix != null && suffix.equalsIgnoreCase("xml") ? XML : JSON;
    }

    /** The format a request path asks for, for answers (errors) written outside a handler method. */
    static Open311Format ofPath(String path) {
        return path != null && path.toLowerCase(java.util.Locale.ROOT).endsWith(".xml") ? XML : JSON;
    }

    ResponseEntity<byte[]> answer(HttpStatusCode status, String xmlRoot, Open311Node body) {
        return ResponseEntity.status(status).contentType(contentType).body(write(xmlRoot, body));
    }

    byte[] write(String xmlRoot, Open311Node body) {
        return this == JSON ? json(body) : xml(xmlRoot, body);
    }

    private static byte[] json(Open311Node body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator generator = MAPPER.createGenerator(out)) {
            writeJson(generator, body);
        }
        return out.toByteArray();
    }

    private static void writeJson(JsonGenerator generator, Open311Node node) {
        if (node instanceof Open311Node.Fields fields) {
            generator.writeStartObject();
            for (Map.Entry<String, Open311Node> field : fields.fields().entrySet()) {
                generator.writeName(field.getKey());
                writeJson(generator, field.getValue());
            }
            generator.writeEndObject();
        } else if (node instanceof Open311Node.Items items) {
            generator.writeStartArray();
            items.items().forEach(item -> writeJson(generator, item));
            generator.writeEndArray();
        } else {
            writeScalar(generator, ((Open311Node.Value) node).value());
        }
    }

    private static void writeScalar(JsonGenerator generator, Object value) {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof Boolean b) {
            generator.writeBoolean(b);
        } else if (value instanceof Integer i) {
            generator.writeNumber(i);
        } else if (value instanceof Long l) {
            generator.writeNumber(l);
        } else if (value instanceof Double d) {
            generator.writeNumber(d);
        } else {
            generator.writeString(value.toString());
        }
    }

    private static byte[] xml(String root, Open311Node body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter writer = XML_OUTPUT.createXMLStreamWriter(out, "UTF-8");
            writer.writeStartDocument("UTF-8", "1.0");
            writeXmlElement(writer, root, body);
            writer.writeEndDocument();
            writer.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write an Open311 XML answer", e);
        }
        return out.toByteArray();
    }

    private static void writeXmlElement(XMLStreamWriter writer, String name, Open311Node node)
            throws XMLStreamException {
        if (node instanceof Open311Node.Value value && value.value() == null) {
            writer.writeEmptyElement(name);
            return;
        }
        writer.writeStartElement(name);
        if (node instanceof Open311Node.Fields fields) {
            for (Map.Entry<String, Open311Node> field : fields.fields().entrySet()) {
                writeXmlElement(writer, field.getKey(), field.getValue());
            }
        } else if (node instanceof Open311Node.Items items) {
            for (Open311Node item : items.items()) {
                writeXmlElement(writer, items.itemName(), item);
            }
        } else {
            writer.writeCharacters(((Open311Node.Value) node).value().toString());
        }
        writer.writeEndElement();
    }
}
