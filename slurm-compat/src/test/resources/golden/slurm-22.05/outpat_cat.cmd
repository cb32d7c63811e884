cd defout && for f in *; do echo "== $f"; cat "$f"; done; cd ../arr && for f in *; do echo "== $f"; cat "$f"; done
