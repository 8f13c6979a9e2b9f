package ru.nastavnik.spreadsheet;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The form and upload of one {@link ImportPage} at {@code <feature path>/import}: a feature's page controller extends
 * this, maps its path with {@code @RequestMapping} on the class and gives its {@link ImportPage.Kind}.
 */
public abstract class ImportPageController {

    /** The page's path below the feature's path. */
    public static final String IMPORT = "/import";

    private final ImportPage page;
    private final ImportPage.Kind kind;

    protected ImportPageController(ImportPage page, ImportPage.Kind kind) {
        this.page = page;
        this.kind = kind;
    }

    @GetMapping(path = IMPORT, produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> form(@RequestParam(required = false) String programme, HttpServletRequest request) {
        return page.form(kind, programme, request);
    }

    @PostMapping(path = IMPORT, consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> upload(@RequestParam(required = false) String programme,
                                         @RequestParam(name = "csrf", required = false) String csrf,
                                         @RequestParam(name = "file", required = false) MultipartFile file,
                                         HttpServletRequest request) {
        return page.upload(kind, programme, csrf, file, request);
    }
}
