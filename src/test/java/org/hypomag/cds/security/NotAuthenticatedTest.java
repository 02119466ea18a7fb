package org.hypomag.cds.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** A request that reached a controller without passing the filter gets the filter's own 401, word for word. */
class NotAuthenticatedTest {

    @Test
    void requestWithoutACaller_getsTheFiltersMissingToken401() throws Exception {
        NotAuthenticatedException e = catchThrowableOfType(NotAuthenticatedException.class,
                () -> CallerIdentity.require(new MockHttpServletRequest()));
        MockHttpServletResponse fromController = new MockHttpServletResponse();
        e.writeTo(fromController);
        MockHttpServletResponse fromFilter = new MockHttpServletResponse();
        AuthFailure.write(fromFilter, AuthFailure.MISSING);

        assertThat(fromController.getStatus()).isEqualTo(401);
        assertThat(fromController.getHeader("WWW-Authenticate")).isEqualTo("Bearer realm=\"cds-services\"");
        assertThat(fromController.getContentAsString()).contains("\"code\":\"AUTH-MISSING-TOKEN\"")
                .isEqualTo(fromFilter.getContentAsString());
    }

    @Test
    void requestWithACaller_passes() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setAttribute(CallerIdentity.REQUEST_ATTRIBUTE, CallerIdentity.demoCaller());
        assertThat(CallerIdentity.require(request).demo()).isTrue();
    }
}
