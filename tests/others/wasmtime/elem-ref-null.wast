;;! reference_types = true
;;! bulk_memory = true

(module
  (elem funcref (ref.null func)))
