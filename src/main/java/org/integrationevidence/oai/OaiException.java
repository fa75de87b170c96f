package org.integrationevidence.oai;

import java.util.List;

/** A request the protocol answers with errors rather than a result; still a 200 with an OAI-PMH document. */
class OaiException extends RuntimeException {

    private final transient List<OaiError> errors;

    OaiException(List<OaiError> errors) {
        super(errors.get(0).message(), null, false, false);
        this.errors = List.copyOf(errors);
    }

    OaiException(OaiError.Code code, String message) {
        this(List.of(new OaiError(code, message)));
    }

    List<OaiError> errors() {
        return errors;
    }
}
