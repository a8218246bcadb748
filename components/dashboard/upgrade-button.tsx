'use client';

import { useId, useState } from 'react';
import { buttonClass } from './field';

/** Pro billing arrives with the commerce work: the button explains that instead of pretending to charge. */
export function UpgradeButton({ planName }: { planName: string }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="space-y-3">
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-expanded={open}
        aria-controls={id}
        className={`${buttonClass.primary} w-full`}
      >
        Mejorar a {planName}
      </button>
      {open ? (
        <div id={id} role="status" className="rounded-xl border border-violet-200 bg-violet-50 p-3 text-sm text-violet-950">
          <p className="font-semibold">El pago del plan {planName} llega muy pronto.</p>
          <p className="mt-1">
            Estamos terminando los cobros seguros dentro de VITA. Todavía no se puede pagar y no te cobraremos nada hoy; cuando
            esté listo podrás mejorar desde aquí y tus nuevos límites se aplicarán al instante.
          </p>
        </div>
      ) : null}
    </div>
  );
}
