package ru.nastavnik.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import ru.nastavnik.shared.InputText;

/**
 * Refuses expressions in task and filter queries sent over REST (/engine-rest and Tasklist's
 * /camunda/api/engine). Camunda 7.24.0 CE checks ad-hoc query expressions only at the top level, so a nested
 * {@code orQueries} entry lets any logged-in user evaluate an expression on the server. Ad-hoc queries may
 * carry none; a saved filter may carry only the harmless identity and date functions Tasklist offers.
 */
class QueryExpressionGuard extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(QueryExpressionGuard.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Pattern QUERY_PATH =
            Pattern.compile("^(/engine/[^/]+)?/(task(/count)?|filter(/.*)?|history/task(/count)?)$");
    private static final Pattern FILTER_SAVE = Pattern.compile("^(/engine/[^/]+)?/filter(/create|/[^/]+)$");
    private static final Pattern SAFE_FILTER_EXPRESSION = Pattern.compile(
            "^\\$\\{\\s*(currentUser\\(\\)|currentUserGroups\\(\\)|now\\(\\)"
                    + "|dateTime\\(\\)(\\.(plus|minus)(Years|Months|Weeks|Days|Hours|Minutes)\\(\\d{1,4}\\))*"
                    + "(\\.toDate\\(\\))?)\\s*}$");

    static final String REFUSAL = "Выражения (${...}) в запросах задач и фильтрах не допускаются "
            + "(expressions in ad-hoc task queries are refused)";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = pathWithinApi(request);
        if (path == null || !QUERY_PATH.matcher(path).matches()) {
            chain.doFilter(request, response);
            return;
        }
        boolean filterSave = FILTER_SAVE.matcher(path).matches()
                && ("POST".equals(request.getMethod()) || "PUT".equals(request.getMethod()));
        for (Map.Entry<String, String[]> param : request.getParameterMap().entrySet()) {
            for (String value : param.getValue()) {
                if (param.getKey().endsWith("Expression") || isExpression(value)) {
                    refuse(request, response, param.getKey());
                    return;
                }
            }
        }
        byte[] body = request.getInputStream().readAllBytes();
        String offending = body.length == 0 ? null : offendingField(body, filterSave);
        if (offending != null) {
            refuse(request, response, offending);
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    /** The path below /engine-rest or /camunda/api/engine, or null for other paths. */
    private static String pathWithinApi(HttpServletRequest request) {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        for (String prefix : new String[] {"/engine-rest", "/camunda/api/engine"}) {
            if (uri.startsWith(prefix + "/")) {
                return uri.substring(prefix.length());
            }
        }
        return null;
    }

    private static String offendingField(byte[] body, boolean filterSave) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            return null; // not JSON: Camunda answers it as a bad request itself
        }
        return scan(json, "", filterSave);
    }

    private static String scan(JsonNode node, String path, boolean filterSave) {
        if (node.isTextual()) {
            String text = node.asText();
            if (isExpression(text) && !(filterSave && SAFE_FILTER_EXPRESSION.matcher(text.trim()).matches())) {
                return path;
            }
            return null;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String found = scan(field.getValue(), path + "/" + field.getKey(), filterSave);
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = scan(node.get(i), path + "/" + i, filterSave);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static boolean isExpression(String value) {
        return value != null && (value.contains("${") || value.contains("#{"));
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, String field)
            throws IOException {
        log.warn("Refused expression in {} {} (field {}) from {}", request.getMethod(), request.getRequestURI(),
                InputText.forLog(field), request.getRemoteAddr());
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write(JSON.writeValueAsString(Map.of("type", "InvalidRequestException",
                "message", REFUSAL)));
    }

    /** The request with its body read once for the check and handed on unchanged. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
