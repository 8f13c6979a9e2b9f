package ru.nastavnik.shared;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import org.springframework.stereotype.Component;

/**
 * Refuses control characters in every string of a JSON request to the product's own API, wherever in the body it
 * is: Spring Boot adds this module to its ObjectMapper (Camunda REST has its own). Tab and line breaks pass, since
 * comments are multi-line; names are normalised later by {@link InputText#name}.
 */
@Component
class JsonTextModule extends SimpleModule {

    JsonTextModule() {
        super("nastavnik-input-text");
        addDeserializer(String.class, new CheckedStringDeserializer());
    }

    /** A string with control characters; Jackson adds the path of the field as it unwinds. */
    static final class ControlCharactersException extends JsonMappingException {
        ControlCharactersException(JsonParser parser) {
            super(parser, "String with control characters");
        }

        /** The field as a path such as {@code roadmapOverrides[0].title}. */
        String field() {
            StringBuilder path = new StringBuilder();
            for (Reference ref : getPath()) {
                if (ref.getFieldName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            return path.isEmpty() ? "body" : path.toString();
        }
    }

    private static final class CheckedStringDeserializer extends StdScalarDeserializer<String> {

        CheckedStringDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (InputText.hasControl(value, true)) {
                throw new ControlCharactersException(parser);
            }
            return value;
        }
    }
}
