package io.invoiceflow.app.api;

/**
 * One bad request of the bad-input matrix and what the API must answer: status, problem code and,
 * where a field is to blame, the field and the rule it broke. {@code probe} is a GET of the resource the
 * request aims at; it must answer the same before and after.
 */
final class BadRequestCase {
    final String name;
    final String method;
    final String path;
    String token;
    String contentType;
    String body;
    byte[] bytes;
    String ifMatch;
    String probe;
    int status;
    String code;
    String field;
    String rule;

    private BadRequestCase(String name, String method, String path) {
        this.name = name;
        this.method = method;
        this.path = path;
    }

    static BadRequestCase of(String name, String method, String path) {
        return new BadRequestCase(name, method, path);
    }

    BadRequestCase token(String token) {
        this.token = token;
        return this;
    }

    BadRequestCase json(String json) {
        return raw("application/json", json);
    }

    BadRequestCase raw(String contentType, String body) {
        this.contentType = contentType;
        this.body = body;
        return this;
    }

    /** A raw body of bytes (a file that is not UTF-8 text, say) with the given content type. */
    BadRequestCase bytes(String contentType, byte[] raw) {
        this.contentType = contentType;
        this.bytes = raw;
        return this;
    }

    BadRequestCase ifMatch(String etag) {
        this.ifMatch = etag;
        return this;
    }

    BadRequestCase probe(String path) {
        this.probe = path;
        return this;
    }

    /** 400 INVALID_INPUT naming {@code field} and {@code rule} (rule null: any rule). */
    BadRequestCase invalid(String field, String rule) {
        return expect(400, "INVALID_INPUT", field, rule);
    }

    BadRequestCase expect(int status, String code) {
        return expect(status, code, null, null);
    }

    BadRequestCase expect(int status, String code, String field, String rule) {
        this.status = status;
        this.code = code;
        this.field = field;
        this.rule = rule;
        return this;
    }

    ApiResponse send(ApiClient api) {
        ApiClient.Call call = api.call(method, path).token(token);
        if (bytes != null) {
            call.bytes(contentType, bytes);
        } else if (body != null || contentType != null) {
            call.body(contentType, body);
        }
        if (ifMatch != null) {
            call.ifMatch(ifMatch);
        }
        return call.send();
    }

    @Override
    public String toString() {
        return method + " " + path.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "{id}") + ": " + name;
    }
}
