package org.integrationevidence.oai;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A request checked as the protocol says (section 3.1): one known verb (badVerb otherwise); no argument repeated,
 * unknown to the verb or missing when required; a resumption token alone; dates of one granularity, {@code from}
 * not after {@code until} (badArgument otherwise). Every badArgument of a request is reported at once.
 */
record OaiRequest(Verb verb, Map<String, String> arguments) {

    /** Parses the query string's or form's parameters. */
    static OaiRequest parse(Map<String, List<String>> parameters) {
        List<String> verbs = parameters.getOrDefault("verb", List.of());
        if (verbs.size() != 1) {
            throw new OaiException(OaiError.Code.badVerb, verbs.isEmpty() ? "The request has no verb."
                    : "The verb is repeated: a request has one verb.");
        }
        Verb verb = Verb.named(verbs.get(0)).orElseThrow(() -> new OaiException(OaiError.Code.badVerb,
                "The verb is not one of the protocol's: Identify, ListMetadataFormats, ListSets, ListIdentifiers, "
                        + "ListRecords, GetRecord."));
        List<OaiError> errors = new ArrayList<>();
        Map<String, String> arguments = new LinkedHashMap<>();
        for (String name : new TreeSet<>(parameters.keySet())) {
            if (name.equals("verb")) {
                continue;
            }
            List<String> values = parameters.get(name);
            if (!verb.allows(name)) {
                errors.add(badArgument("The argument " + printable(name) + " is not one of " + verb + "'s."));
            } else if (values.size() != 1) {
                errors.add(badArgument("The argument " + name + " is repeated."));
            } else {
                arguments.put(name, values.get(0));
            }
        }
        if (arguments.containsKey("resumptionToken")) {
            if (arguments.size() > 1) {
                errors.add(badArgument("The argument resumptionToken is exclusive: send it alone, with the verb."));
            }
        } else {
            for (String required : new TreeSet<>(verb.required)) {
                if (!parameters.containsKey(required)) {
                    errors.add(badArgument("The argument " + required + " is required by " + verb + "."));
                }
            }
        }
        if (errors.isEmpty() && arguments.containsKey("from") && arguments.containsKey("until")) {
            OaiDates.Bound from = OaiDates.parse("from", arguments.get("from"));
            OaiDates.Bound until = OaiDates.parse("until", arguments.get("until"));
            if (from.days() != until.days()) {
                errors.add(badArgument("The arguments from and until must have the same granularity."));
            } else if (from.instant().isAfter(until.instant())) {
                errors.add(badArgument("The argument from is after until."));
            }
        }
        if (!errors.isEmpty()) {
            throw new OaiException(errors);
        }
        return new OaiRequest(verb, arguments);
    }

    String argument(String name) {
        return arguments.get(name);
    }

    private static OaiError badArgument(String message) {
        return new OaiError(OaiError.Code.badArgument, message);
    }

    /** An argument's name as a message may show it: short, and of plain characters. */
    private static String printable(String name) {
        String shown = name.codePoints().limit(40).filter(c -> c >= 0x20 && c < 0x7F)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return "\"" + shown + "\"";
    }
}
