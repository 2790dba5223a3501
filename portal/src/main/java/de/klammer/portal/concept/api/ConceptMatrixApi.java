package de.klammer.portal.concept.api;

import de.klammer.portal.concept.ConceptService;
import de.klammer.portal.concept.ConceptVersion;
import de.klammer.portal.concept.MatrixFilter;
import de.klammer.portal.concept.MatrixRow;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Returns one page of the rights matrix of the working concept version and the row count, the two queries that the
 * matrix screen's lazy grid makes, with the screen's filters.
 */
@RestController
class ConceptMatrixApi {

    /** Rows per page, as the grid's default page size. */
    static final int PAGE_SIZE = 50;

    private final ConceptService concept;

    ConceptMatrixApi(ConceptService concept) {
        this.concept = concept;
    }

    /** One page of matrix rows with the total count of rows that match the filter. */
    record MatrixPage(ConceptVersion version, int total, int offset, List<MatrixRow> rows) {}

    @GetMapping("/api/v1/concept/matrix")
    MatrixPage matrix(
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) @Nullable String search,
            @RequestParam(required = false) @Nullable String role,
            @RequestParam(required = false) @Nullable String subProcess,
            @RequestParam(defaultValue = "false") boolean grantedOnly) {
        if (page < 0) {
            throw new InvalidPageException(page);
        }
        ConceptVersion version = concept.workingVersion();
        MatrixFilter filter = new MatrixFilter(search, role, subProcess, grantedOnly);
        int offset = page * PAGE_SIZE;
        List<MatrixRow> rows = concept.matrix(version.id(), filter, offset, PAGE_SIZE);
        return new MatrixPage(version, concept.countMatrix(version.id(), filter), offset, rows);
    }

    @ExceptionHandler
    ProblemDetail invalidPage(InvalidPageException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    /** A requested page number below zero. */
    static class InvalidPageException extends RuntimeException {
        InvalidPageException(int page) {
            super("Invalid page " + page + ": the first page is 0; request page=0 or greater");
        }
    }
}
