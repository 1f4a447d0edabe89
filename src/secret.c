/* Reading secret files safely; see secret.h. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "error.h"
#include "secret.h"

#define SECRET_MAX 4096

static gboolean
check_mode(int fd, const char *path, GError **error)
{
	struct stat st;

	if (fstat(fd, &st) != 0) {
		g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_CONFIG,
		    "%s: cannot read: %s", path, g_strerror(errno));
		return FALSE;
	}
	if (!S_ISREG(st.st_mode)) {
		g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_CONFIG,
		    "%s: cannot read: %s", path, S_ISDIR(st.st_mode) ?
		    g_strerror(EISDIR) : "not a regular file");
		return FALSE;
	}
	if (st.st_mode & (S_IRWXG | S_IRWXO)) {
		g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_CONFIG,
		    "%s: readable by others (mode %03o); run: chmod 600 %s",
		    path, st.st_mode & 0777, path);
		return FALSE;
	}
	return TRUE;
}

GBytes *
secret_read(const char *path, GError **error)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	char *buf;
	ssize_t n;

	if (fd < 0) {
		int e = errno;
		g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_CONFIG,
		    "%s: cannot read: %s%s", path, g_strerror(e), e == ENOENT ?
		    "; create it readable by its owner only (umask 077)" :
		    e == ELOOP ? "; name the file itself, not a symbolic link" :
		    "");
		return NULL;
	}
	if (!check_mode(fd, path, error)) {
		close(fd);
		return NULL;
	}
	buf = g_malloc0(SECRET_MAX + 1);
	n = read(fd, buf, SECRET_MAX);
	if (n < 0)
		g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_CONFIG,
		    "%s: cannot read: %s", path, g_strerror(errno));
	close(fd);
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
		buf[--n] = '\0';
	if (n <= 0) {
		g_free(buf);
		if (n == 0)
			g_set_error(error, BULLETIN_ERROR,
			    BULLETIN_ERROR_CONFIG, "%s: empty", path);
		return NULL;
	}
	return g_bytes_new_with_free_func(buf, n, g_free, buf);
}

const char *
secret_string(GBytes *secret)
{
	/* secret_read keeps a NUL after the data. */
	return g_bytes_get_data(secret, NULL);
}

void
secret_free(GBytes *secret)
{
	gsize len;
	char *data;

	if (secret == NULL)
		return;
	data = (char *)g_bytes_get_data(secret, &len);
	explicit_bzero(data, len);
	g_bytes_unref(secret);
}

GBytes *
secret_read_key(const char *path, GError **error)
{
	GBytes *key = secret_read(path, error);

	if (key != NULL && g_bytes_get_size(key) < SECRET_KEY_MIN) {
		g_set_error(error, BULLETIN_ERROR, BULLETIN_ERROR_CONFIG,
		    "%s: the key must be at least %d bytes (try: head -c 32 "
		    "/dev/urandom | base64 > %s)", path, SECRET_KEY_MIN, path);
		g_clear_pointer(&key, secret_free);
	}
	return key;
}

GBytes *
secret_read_setting(const char *setting, const char *path, gboolean is_key,
    GError **error)
{
	GBytes *secret = is_key ? secret_read_key(path, error) :
	    secret_read(path, error);

	if (secret == NULL)
		g_prefix_error(error, "%s: ", setting);
	return secret;
}

gboolean
secrets_load(const struct config *c, GBytes **imap_r, GBytes **smtp_r,
    GBytes **key_r, GError **error)
{
	GBytes *imap = secret_read_setting("imap.password_file",
	    c->imap.password_file, FALSE, error);
	GBytes *smtp = imap ? secret_read_setting("smtp.password_file",
	    c->smtp.password_file, FALSE, error) : NULL;
	GBytes *key = smtp ? secret_read_setting("key_file", c->key_file,
	    TRUE, error) : NULL;

	if (key == NULL) {
		secret_free(imap);
		secret_free(smtp);
		return FALSE;
	}
	*imap_r = imap;
	*smtp_r = smtp;
	*key_r = key;
	return TRUE;
}
