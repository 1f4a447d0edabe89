/* The 通报's files in a mail; see report-mail.h. */
#include <string.h>

#include "log.h"
#include "message.h"
#include "report-doc.h"
#include "report-mail.h"

#define TYPE_DOCX	"application/vnd.openxmlformats-officedocument." \
			"wordprocessingml.document"

struct report_document {
	const char	*extension;
	const char	*content_type;
	const char	*what;		/* in the mail's text */
	GBytes		*(*render)(const struct report *, GError **);
};

static const struct report_document documents[] = {
	{ "pdf", "application/pdf", "PDF 版", report_pdf },
	{ "docx", TYPE_DOCX, "Word 版", report_docx },
};

/* An attachment without a name of type text/html is the text's HTML
 * alternative (notify.c). */
static void
attach_html(const struct report *r, GPtrArray *attachments)
{
	g_autofree char *html = report_html(r);
	g_autoptr(GBytes) markup = g_bytes_new(html, strlen(html));
	struct attachment *alt = message_attachment_new("x",
	    "text/html; charset=utf-8", markup);

	g_clear_pointer(&alt->name, g_free);
	g_ptr_array_add(attachments, alt);
}

static void
attach_document(const struct report *r, const struct report_document *doc,
    GPtrArray *attachments, GString *text)
{
	g_autoptr(GError) error = NULL;
	g_autofree char *name = report_file_name(r, doc->extension);
	g_autoptr(GBytes) data = doc->render(r, &error);

	if (data == NULL) {
		log_warn("report %s: not attached: %s", name, error->message);
		g_string_append_printf(text, "\n注：%s通报未能生成（%s），"
		    "请以上表和 CSV 表格为准。\n", doc->what, error->message);
		return;
	}
	g_ptr_array_add(attachments, message_attachment_new(name,
	    doc->content_type, data));
}

void
report_attach(const struct report *r, GPtrArray *attachments, GString *text)
{
	g_autofree char *csv_name = report_file_name(r, "csv");
	g_autoptr(GBytes) csv = report_csv(r);

	attach_html(r, attachments);
	g_ptr_array_add(attachments, message_attachment_new(csv_name,
	    "text/csv; charset=utf-8", csv));
	for (gsize i = 0; i < G_N_ELEMENTS(documents); i++)
		attach_document(r, &documents[i], attachments, text);
}
