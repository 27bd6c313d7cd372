#!/bin/sh
# Regenerates the test-only CA, server (127.0.0.1) and client certificates in this folder.
set -e
cd "$(dirname "$0")"
days=36500
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days $days \
  -subj '/CN=payment-simulator test CA' -keyout ca-key.pem -out ca.pem
for role in server client; do
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
    -subj "/CN=payment-simulator test $role" -keyout $role-key.pem -out $role.csr
  printf 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=%s\n' \
    "$([ $role = server ] && echo serverAuth || echo clientAuth)" > $role.ext
  openssl x509 -req -in $role.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days $days \
    -extfile $role.ext -out $role.pem
  rm $role.csr $role.ext
done
rm -f ca.srl ca-key.pem
