/* rapport-validate.h — the model's rules for contact details, shared with
 * the views so a form never lets through what the store would refuse
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* name@domain.tld, no spaces or list separators, at most 254 bytes. */
gboolean rapport_email_is_plausible (const char *email);
/* Digits, spaces and + - ( ) . /, with 3 to 20 digits. */
gboolean rapport_phone_is_plausible (const char *phone);

G_END_DECLS
