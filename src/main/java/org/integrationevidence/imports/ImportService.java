package org.integrationevidence.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;

import org.integrationevidence.access.KeyHolder;
import org.integrationevidence.casestudy.CaseStudyInput;
import org.integrationevidence.casestudy.CaseStudyWrites;
import org.integrationevidence.config.EvidenceConfig;
import org.integrationevidence.problem.ApiException;
import org.integrationevidence.problem.FieldError;
import org.integrationevidence.problem.Problem;
import org.integrationevidence.problem.ProblemType;
import org.integrationevidence.web.LimitedInputStream;
import org.integrationevidence.web.ProblemMappers;
import org.jboss.logging.Logger;

/**
 * Bulk import of case studies from CSV or NDJSON, all or nothing. Each row is read and checked as it arrives,
 * exactly as a single create would check it (through {@link CaseStudyWrites#createErrors}), with no transaction
 * open while a possibly slow upload is read. Only when every row is valid are they all written, in one transaction
 * through {@link CaseStudyWrites#create}, so that the change journal (and search) sees each of them; should that
 * still fail (a slug taken meanwhile), the transaction rolls back and nothing is written.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
class ImportService {

    /** Errors listed in a rejection; the detail says how many there were in all. */
    static final int MAX_REPORTED_ERRORS = 1000;

    /** Rows written between clearing the persistence context, so that each flush checks only a few entities. */
    private static final int ROWS_PER_FLUSH = 20;

    private static final Logger LOG = Logger.getLogger(ImportService.class);

    @Inject
    CaseStudyWrites caseStudies;

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager entityManager;

    @Inject
    EvidenceConfig config;

    /** Imports a file of case studies for {@code caller}; with {@code dryRun}, checks it and writes nothing. */
    public ImportReport importFile(InputStream body, ImportFormat format, boolean dryRun, KeyHolder caller) {
        long started = System.nanoTime();
        EvidenceConfig.Imports limits = config.imports();
        Rows rows = new Rows(caller, limits.maxRows());
        LimitedInputStream limited = new LimitedInputStream(body, limits.maxBytes(), "The file is larger than the "
                + limits.maxBytes() + " bytes an import may have. Nothing was written; split the file and import the parts "
                + "one by one.");
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(limited, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
            skipByteOrderMark(reader);
            if (format == ImportFormat.CSV) {
                readCsv(reader, rows);
            } else {
                readNdjson(reader, rows);
            }
            // Whatever was not read (after a bad header) is read to its end, still within the limit, so that the
            // client is not cut off while it sends.
            limited.transferTo(OutputStream.nullOutputStream());
        } catch (ApiException e) {
            drain(body, limits.maxBytes());
            throw e;
        } catch (CharacterCodingException e) {
            throw new ApiException(ProblemType.BAD_REQUEST, "The file is not valid UTF-8 text. Nothing was written; save it "
                    + "as UTF-8 and send it again.");
        } catch (IOException e) {
            throw new ApiException(ProblemType.BAD_REQUEST, "The file could not be read to its end. Nothing was written.");
        }
        if (rows.count == 0 && rows.errorCount == 0) {
            throw ApiException.invalid(ProblemMappers.ROOT_FIELD, "holds no case studies: "
                    + (format == ImportFormat.CSV ? "a header row and one row per case study are needed" : "one JSON object per line is needed"));
        }
        if (rows.errorCount > 0) {
            throw rows.rejection();
        }
        List<CaseStudyInput> inputs = rows.withSlugs();
        long checked = System.nanoTime();
        List<ImportReport.ImportedRow> items = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            items.add(new ImportReport.ImportedRow(rows.numbers.get(i), inputs.get(i).slug()));
        }
        if (!dryRun) {
            write(inputs, caller, limits);
            LOG.infof("%s imported %d case studies: read and checked in %d ms, written in %d ms", caller.owner(), inputs.size(),
                    (checked - started) / 1_000_000, (System.nanoTime() - checked) / 1_000_000);
        }
        return new ImportReport(dryRun, rows.count, dryRun ? 0 : inputs.size(), items);
    }

    /**
     * Reads and drops what is left of a refused upload, up to {@code maxBytes} more, so that a client that sent a
     * little too much reads the answer instead of finding the connection closed while it sends; beyond that, the
     * connection is closed with the answer.
     */
    private static void drain(InputStream body, long maxBytes) {
        byte[] buffer = new byte[65536];
        long drained = 0;
        try {
            for (int n = body.read(buffer); n >= 0 && drained <= maxBytes; n = body.read(buffer)) {
                drained += n;
            }
        } catch (IOException e) {
            // the client is gone: nothing to answer
        }
    }

    private void write(List<CaseStudyInput> inputs, KeyHolder caller, EvidenceConfig.Imports limits) {
        long started = System.nanoTime();
        try {
            QuarkusTransaction.requiringNew().timeout((int) limits.transactionTimeout().toSeconds()).run(() -> {
                int written = 0;
                for (CaseStudyInput input : inputs) {
                    caseStudies.create(input, caller);
                    if (++written % ROWS_PER_FLUSH == 0) {
                        entityManager.flush();
                        entityManager.clear();
                    }
                }
            });
        } catch (ApiException e) {
            throw e;
        } catch (RuntimeException e) {
            // A transaction that outlived its timeout is rolled back by the transaction manager, and the import fails
            // with whatever the next statement or the commit meets: it is the server that could not finish in time.
            if (Duration.ofNanos(System.nanoTime() - started).compareTo(limits.transactionTimeout()) >= 0) {
                LOG.warnf("An import of %d rows outlived its transaction timeout of %s and was rolled back", inputs.size(),
                        limits.transactionTimeout());
                throw new ApiException(ProblemType.UNAVAILABLE, "Writing the " + inputs.size() + " case studies took longer "
                        + "than the " + limits.transactionTimeout().toSeconds() + " s an import may take, so nothing was "
                        + "written. Split the file and import the parts one by one.");
            }
            throw e;
        }
    }

    /** CSV: a header row naming the columns (see {@link CsvColumns}), then one case study per record. */
    private void readCsv(BufferedReader reader, Rows rows) throws IOException {
        CsvReader csv = new CsvReader(reader);
        CsvColumns columns = null;
        while (true) {
            CsvReader.Record record;
            try {
                record = csv.next();
            } catch (CsvReader.MalformedRecord e) {
                if (columns != null) {
                    rows.counted();
                }
                rows.invalid(e.number(), List.of(new FieldError(ProblemMappers.ROOT_FIELD, "is not well-formed CSV: it " + e.getMessage())));
                if (columns == null) {
                    return;
                }
                continue;
            }
            if (record == null) {
                return;
            }
            if (columns == null) {
                List<FieldError> headerErrors = new ArrayList<>();
                columns = CsvColumns.ofHeader(record.fields(), headerErrors);
                if (!headerErrors.isEmpty()) {
                    rows.invalid(record.number(), headerErrors);
                    return;
                }
                continue;
            }
            if (record.isBlank()) {
                continue;
            }
            rows.counted();
            if (record.fields().size() != columns.size()) {
                rows.invalid(record.number(), List.of(new FieldError(ProblemMappers.ROOT_FIELD, "has " + record.fields().size()
                        + " fields but the header has " + columns.size() + " columns")));
                continue;
            }
            List<FieldError> cellErrors = new ArrayList<>();
            ObjectNode caseStudy = columns.toJson(record.fields(), cellErrors);
            if (!cellErrors.isEmpty()) {
                rows.invalid(record.number(), cellErrors);
                continue;
            }
            try {
                rows.check(record.number(), json.treeToValue(caseStudy, CaseStudyInput.class));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                rows.invalid(record.number(), errorsOf(e));
            }
        }
    }

    /** NDJSON: one case study per line, as the JSON object POST /api/v1/case-studies takes; blank lines are skipped. */
    private void readNdjson(BufferedReader reader, Rows rows) throws IOException {
        int number = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            rows.counted();
            try {
                CaseStudyInput input = json.readValue(line, CaseStudyInput.class);
                if (input == null) {
                    rows.invalid(number, List.of(new FieldError(ProblemMappers.ROOT_FIELD, "must be a JSON object: one case study per line")));
                } else {
                    rows.check(number, input);
                }
            } catch (JsonProcessingException e) {
                rows.invalid(number, errorsOf(e));
            }
        }
    }

    /** The errors a JSON failure would give as a single create's body, for one row. */
    private static List<FieldError> errorsOf(Exception e) {
        JsonProcessingException failure = e instanceof JsonProcessingException json ? json
                : e.getCause() instanceof JsonProcessingException cause ? cause : null;
        if (failure == null) {
            return List.of(new FieldError(ProblemMappers.ROOT_FIELD, "is not a case study"));
        }
        Problem problem = ProblemMappers.problemFor(failure, "");
        if (problem.errors() != null && !problem.errors().isEmpty()) {
            return problem.errors();
        }
        String where = failure.getLocation() == null || failure.getLocation().getColumnNr() < 0 ? ""
                : " (at column " + failure.getLocation().getColumnNr() + ")";
        return List.of(new FieldError(ProblemMappers.ROOT_FIELD, "is not one well-formed JSON object" + where));
    }

    private static void skipByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }

    /** The rows of one file as they are read: the valid ones (kept only while there is no error), and the errors. */
    private final class Rows {

        private final KeyHolder caller;
        private final int maxRows;
        private final List<CaseStudyInput> inputs = new ArrayList<>();
        private final List<Integer> numbers = new ArrayList<>();
        private final Map<String, Integer> givenSlugs = new HashMap<>();
        private final List<FieldError> errors = new ArrayList<>();
        private int count;
        private int errorCount;
        private int invalidRows;

        Rows(KeyHolder caller, int maxRows) {
            this.caller = caller;
            this.maxRows = maxRows;
        }

        void counted() {
            if (++count > maxRows) {
                throw new ApiException(ProblemType.CONTENT_TOO_LARGE, "The file has more than the " + maxRows
                        + " case studies an import may have. Nothing was written; split the file and import the parts one by one.");
            }
        }

        /** Checks a row as a single create would, and that no earlier row of the file gave the same slug. */
        void check(int number, CaseStudyInput input) {
            List<FieldError> rowErrors = new ArrayList<>(caseStudies.createErrors(input, caller));
            if (input.slug() != null) {
                Integer first = givenSlugs.putIfAbsent(input.slug(), number);
                if (first != null) {
                    rowErrors.add(new FieldError("slug", "is also the slug of row " + first + "; each case study needs its own"));
                }
            }
            if (!rowErrors.isEmpty()) {
                invalid(number, rowErrors);
            } else if (errorCount == 0) {
                inputs.add(input);
                numbers.add(number);
            }
        }

        void invalid(int number, List<FieldError> rowErrors) {
            invalidRows++;
            errorCount += rowErrors.size();
            for (FieldError error : rowErrors) {
                if (errors.size() < MAX_REPORTED_ERRORS) {
                    errors.add(error.onRow(number));
                }
            }
            inputs.clear(); // nothing will be written: no need to keep the rows
            numbers.clear();
        }

        ApiException rejection() {
            String detail = (invalidRows == 1 ? "1 row has" : invalidRows + " rows have") + " errors (" + errorCount
                    + (errorCount == 1 ? " error" : " errors") + (count > 0 ? " in a file of " + count + (count == 1 ? " case study" : " case studies") : "")
                    + "). Nothing was written."
                    + (errorCount > errors.size() ? " The first " + errors.size() + " errors are listed." : "");
            return new ApiException(ProblemType.IMPORT_INVALID, detail, List.copyOf(errors));
        }

        /**
         * The rows with the slugs they will have: the given ones, and for the others the slug create would derive
         * from the title, avoiding every slug given in the file and those derived before.
         */
        List<CaseStudyInput> withSlugs() {
            Set<String> derived = new HashSet<>();
            List<CaseStudyInput> result = new ArrayList<>(inputs.size());
            for (CaseStudyInput input : inputs) {
                if (input.slug() != null) {
                    result.add(input);
                    continue;
                }
                String slug = caseStudies.freeSlug(input, caller, taken -> givenSlugs.containsKey(taken) || derived.contains(taken));
                derived.add(slug);
                result.add(input.withSlugAndStatus(slug, input.status()));
            }
            return result;
        }
    }
}
