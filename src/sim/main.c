/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
int main (void);
int
main (void)
{
  return 1;
}
