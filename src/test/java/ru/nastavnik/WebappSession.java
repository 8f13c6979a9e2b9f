package ru.nastavnik;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A browser's session with Camunda's webapps without the browser: the XSRF cookie from a first page, the login
 * form of Tasklist, then calls to the webapps' REST API with the session cookie and the CSRF header.
 */
public final class WebappSession {

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
    private final String base;

    private WebappSession(int port) {
        this.base = "http://localhost:" + port;
    }

    /** A session that has only fetched Tasklist's page, as a stranger's browser has. */
    public static WebappSession anonymous(int port) {
        WebappSession session = new WebappSession(port);
        session.send(HttpRequest.newBuilder(URI.create(session.base + "/camunda/app/tasklist/")).GET());
        return session;
    }

    /** A session logged into Tasklist through its login form. */
    public static WebappSession loggedIn(int port, String user, String password) {
        WebappSession session = anonymous(port);
        HttpResponse<String> login = session.send(session.request("/camunda/api/admin/auth/user/default/login/tasklist")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8))));
        if (login.statusCode() != 200) {
            throw new IllegalStateException("Tasklist login of " + user + " answered " + login.statusCode());
        }
        // The login starts a new session with a new CSRF token, handed out with the next answer, as Tasklist's
        // own next call receives it.
        session.get("/camunda/api/admin/auth/user/default");
        return session;
    }

    public HttpResponse<String> get(String rawPath) {
        return send(request(rawPath).GET());
    }

    public HttpResponse<String> post(String rawPath, String json) {
        return send(request(rawPath).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Posts a file as the raw body, as the product's pages upload a spreadsheet. */
    public HttpResponse<String> postBytes(String rawPath, String contentType, byte[] body) {
        return send(request(rawPath).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public HttpResponse<String> put(String rawPath, String json) {
        return send(request(rawPath).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder request(String rawPath) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + rawPath));
        String token = xsrfToken();
        return token == null ? builder : builder.header("X-XSRF-TOKEN", token);
    }

    private String xsrfToken() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    /** A download (a spreadsheet, a document) as bytes. */
    public HttpResponse<byte[]> download(String rawPath) {
        return send(request(rawPath).GET(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request.build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
