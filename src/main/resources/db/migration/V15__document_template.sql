-- Issue 15, part 5: the school's own Word template of a document (today only 'pair-order', the order on the pairs),
-- uploaded by the director or an administrator to replace the built-in one (src/main/resources/documents/), e.g. on
-- the school's letterhead. No row: the built-in template is used. The content is checked before it is stored
-- (pairorder/OrderTemplates): a DOCX without macros, within the size and unpacked-size limits, with the pairs' row.
create table document_template (
    name        varchar(64)  primary key,
    file_name   varchar(255) not null,
    content     bytea        not null,
    uploaded_at timestamp    not null,
    uploaded_by varchar(64)  not null
);
