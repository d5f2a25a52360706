;; 10^7 short-lived structures: `churn(n)` allocates n structures of two fields, each
;; pointing at the previous one, and drops the chain every 16: the collector's workload.
(module
  (type $p (struct (field i32) (field (ref null $p))))
  (func (export "churn") (param $n i32) (result i32)
    (local $last (ref null $p))
    (loop $l
      (local.set $last (struct.new $p (local.get $n) (local.get $last)))
      (if (i32.eqz (i32.rem_u (local.get $n) (i32.const 16))) (then (local.set $last (ref.null $p))))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (i32.const 0)))
