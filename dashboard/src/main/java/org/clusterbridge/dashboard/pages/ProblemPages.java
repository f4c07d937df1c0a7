package org.clusterbridge.dashboard.pages;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.qute.i18n.Localized;

/** Whatever goes wrong, a page that says what, in the visitor's language, and never a stack trace. */
public class ProblemPages {

    private static final Logger LOG = Logger.getLogger(ProblemPages.class);

    private final Visitor visitor;

    ProblemPages(Visitor visitor) {
        this.visitor = visitor;
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        Messages words = words();
        String detail = e.getMessage() != null && e.getMessage().startsWith("cluster ")
                ? words.no_cluster(e.getMessage().substring("cluster ".length())) : words.not_found();
        return page(404, words.not_found(), detail);
    }

    @ServerExceptionMapper
    public Response badRequest(BadRequestException e) {
        Messages words = words();
        return page(400, words.bad_request(), e instanceof Filters.InvalidFilter invalid ? invalid.detail(words)
                : words.bad_request());
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return page(405, words().bad_request(), words().not_allowed());
    }

    @ServerExceptionMapper
    public Response serviceDown(ServiceDownException e) {
        Messages words = words();
        return page(503, words.nav_overview(), words.missing(e.service().label(), e.what(words)));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        if (e instanceof jakarta.ws.rs.WebApplicationException web && web.getResponse().getStatus() < 500) {
            return page(web.getResponse().getStatus(), words().bad_request(), words().bad_request());
        }
        LOG.error("page failed", e);
        return page(500, words().app_name(), words().server_error());
    }

    private Messages words() {
        return MessageBundles.get(Messages.class, Localized.Literal.of(visitor.language()));
    }

    private Response page(int status, String title, String detail) {
        String body = Templates.problem(visitor.language(), status, title, detail).setLocale(visitor.locale())
                .render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8")).entity(body).build();
    }
}
