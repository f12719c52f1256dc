/* rapport-export-file.c — writing a document the user asked for, whole or
 * not at all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-export"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rapport-error.h"
#include "rapport-export-file.h"

struct _RapportExportFile
{
  char     *path;
  char     *tmp_path;
  int       fd;
  gboolean  replace;
  gboolean  committed;
};

static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, RAPPORT_ERROR, saved_errno == ENOSPC ? RAPPORT_ERROR_IO : RAPPORT_ERROR_FAILED,
               _("Cannot write “%s”: %s"), display, g_strerror (saved_errno));
  return FALSE;
}

gboolean
rapport_export_file_check (const char  *path,
                           gboolean     replace,
                           GError     **error)
{
  g_autofree char *display = NULL;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, FALSE);

  if (g_lstat (path, &st) != 0)
    return TRUE;

  display = g_filename_display_name (path);
  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("“%s” is a folder; give the name of the file to write."), display);
      return FALSE;
    }
  if (!replace)
    {
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("“%s” exists already; nothing was written. Give another name, or --force to replace it."),
                   display);
      return FALSE;
    }

  return TRUE;
}

static RapportExportFile *
export_file_new (const char  *path,
                 gboolean     replace,
                 int          mode,
                 GError     **error)
{
  g_autoptr(RapportExportFile) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (!rapport_export_file_check (path, replace, error))
    return NULL;

  self = g_new0 (RapportExportFile, 1);
  self->fd = -1;
  self->path = g_strdup (path);
  self->replace = replace;
  /* Hidden, beside the target: on the same file system, so the rename is
   * one step. The umask applies to @mode. */
  {
    g_autofree char *dir = g_path_get_dirname (path);
    g_autofree char *base = g_path_get_basename (path);
    g_autofree char *name = g_strdup_printf (".%s.XXXXXX", base);

    self->tmp_path = g_build_filename (dir, name, NULL);
  }
  self->fd = g_mkstemp_full (self->tmp_path, O_WRONLY | O_CLOEXEC, mode);
  if (self->fd < 0)
    {
      int saved_errno = errno;

      g_clear_pointer (&self->tmp_path, g_free);
      set_errno_error (error, saved_errno, path);
      return NULL;
    }

  return g_steal_pointer (&self);
}

/* Never writable by others. */
RapportExportFile *
rapport_export_file_new (const char  *path,
                         gboolean     replace,
                         GError     **error)
{
  return export_file_new (path, replace, 0664, error);
}

RapportExportFile *
rapport_export_file_new_private (const char  *path,
                                 gboolean     replace,
                                 GError     **error)
{
  return export_file_new (path, replace, 0600, error);
}

gboolean
rapport_export_file_write (RapportExportFile  *self,
                           const void         *data,
                           gsize               len,
                           GError            **error)
{
  const char *p = data;

  g_return_val_if_fail (self != NULL && self->fd >= 0, FALSE);

  while (len > 0)
    {
      gssize n = write (self->fd, p, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return set_errno_error (error, errno, self->path);
      p += n;
      len -= (gsize) n;
    }

  return TRUE;
}

gboolean
rapport_export_file_commit (RapportExportFile  *self,
                            GError            **error)
{
  int fd, saved_errno = 0;

  g_return_val_if_fail (self != NULL && self->fd >= 0, FALSE);

  fd = self->fd;
  self->fd = -1;
  if (fsync (fd) != 0)
    saved_errno = errno;
  if (close (fd) != 0 && saved_errno == 0)
    saved_errno = errno;
  if (saved_errno != 0)
    return set_errno_error (error, saved_errno, self->path);

  if (self->replace)
    {
      if (g_rename (self->tmp_path, self->path) != 0)
        return set_errno_error (error, errno, self->path);
    }
  else
    {
      /* link() fails if the name was taken since the check: no file the
       * user did not mean to replace is ever replaced. */
      if (link (self->tmp_path, self->path) != 0)
        {
          /* A file system without hard links (a FAT memory stick): the
           * check is all the refusal it allows. */
          gboolean no_links;

          saved_errno = errno;
          no_links = saved_errno == EPERM || saved_errno == ENOTSUP || saved_errno == EOPNOTSUPP;

          if (saved_errno == EEXIST)
            return rapport_export_file_check (self->path, FALSE, error);
          if (!no_links)
            return set_errno_error (error, saved_errno, self->path);
          if (!rapport_export_file_check (self->path, FALSE, error))
            return FALSE;
          if (g_rename (self->tmp_path, self->path) != 0)
            return set_errno_error (error, errno, self->path);
        }
      else
        g_unlink (self->tmp_path);
    }

  self->committed = TRUE;
  return TRUE;
}

void
rapport_export_file_free (RapportExportFile *self)
{
  if (self == NULL)
    return;

  if (self->fd >= 0)
    close (self->fd);
  if (!self->committed && self->tmp_path != NULL)
    g_unlink (self->tmp_path);
  g_free (self->tmp_path);
  g_free (self->path);
  g_free (self);
}
