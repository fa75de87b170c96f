package org.integrationevidence.oai;

/** An error of the protocol (OAI-PMH 2.0, section 3.6): its code and a message for the harvester's operator. */
record OaiError(Code code, String message) {

    /** The error codes of the protocol, spelt as it spells them. */
    enum Code {
        badArgument, badResumptionToken, badVerb, cannotDisseminateFormat, idDoesNotExist, noRecordsMatch,
        noMetadataFormats, noSetHierarchy
    }
}
