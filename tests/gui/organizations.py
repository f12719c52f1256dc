#!/usr/bin/python3
"""(being written)"""
print("1..0 # SKIP not written yet")
