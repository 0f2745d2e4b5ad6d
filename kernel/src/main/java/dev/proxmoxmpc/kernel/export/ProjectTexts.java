package dev.proxmoxmpc.kernel.export;

import dev.proxmoxmpc.kernel.secrets.SecretNames;
import dev.proxmoxmpc.spi.iac.ExportRequest;
import dev.proxmoxmpc.spi.kernel.EnvironmentConfig;

/** The README, .gitignore and deployment scripts of a project export. Deterministic text, no secrets. */
final class ProjectTexts {
    private ProjectTexts() {}

    static String gitignore() {
        return """
                # proxmox-mpc: local state and secrets never go into git
                .proxmox/state.db
                .proxmox/state.db-*
                .proxmox/secrets.yml
                .proxmox/history/
                .proxmox/cache/
                .proxmox/audit.log
                # Terraform working files and state
                terraform/.terraform/
                terraform/.terraform.lock.hcl
                terraform/*.tfstate
                terraform/*.tfstate.*
                """;
    }

    static String readme(ExportRequest r) {
        StringBuilder envs = new StringBuilder();
        for (EnvironmentConfig e : r.environments()) {
            envs.append("| ").append(e.name()).append(" | ").append(e.endpoint()).append(" | `")
                    .append(SecretNames.environmentVariable(e.name())).append("` |\n");
        }
        long vms = r.desired().guests().stream().filter(g -> g.kind() == dev.proxmoxmpc.spi.model.GuestKind.VM).count();
        long cts = r.desired().guests().size() - vms;
        return """
                # Proxmox VE infrastructure (exported by proxmox-mpc)

                This directory is a self-contained proxmox-mpc project: the desired state of %d VMs, %d containers,
                %d networks and %d pools, and the Terraform and Ansible files generated from it. It holds no secret,
                no observed state and no history; commit it to git as it is.

                | Environment | Server | Secret (environment variable) |
                |---|---|---|
                %s
                Exported for environment **%s**.

                ## Deploy with proxmox-mpc

                ```
                export %s='<API token secret>'
                proxmox-mpc environment switch %s
                proxmox-mpc plan                 # what will be created, changed or deleted
                proxmox-mpc apply --yes
                ```

                or `scripts/deploy.sh ENVIRONMENT`. The first command creates `.proxmox/state.db` from
                `.proxmox/desired-state.json`; a pipeline that clones this repository can run `/plan` at once.
                Map node, storage and bridge names of another cluster with `environment map` before planning
                (see `proxmox-mpc help environment map`).

                ## Deploy with plain `terraform apply` and `ansible-playbook`

                ```
                export TF_VAR_api_token='user@realm!tokenid=<secret>'
                cd terraform && terraform init && terraform apply -var-file=environments/ENVIRONMENT.tfvars && cd ..
                cd ansible && ansible-playbook -i inventory.yml site.yml -e @environments/ENVIRONMENT/group_vars/all.yml
                ```

                `scripts/terraform-apply.sh ENVIRONMENT` and `scripts/ansible-provision.sh ENVIRONMENT` do the same.
                Environment values live in `terraform/environments/<environment>.tfvars` and
                `ansible/environments/<environment>/group_vars/all.yml` (`ansible/group_vars/` holds the exported
                environment's, used when none is named).
                """.formatted(vms, cts, r.desired().networks().size(), r.desired().pools().size(), envs, r.environment(),
                SecretNames.environmentVariable(r.environment()), r.environment());
    }

    static String deployScript(String environment) {
        return """
                #!/bin/sh
                # Deploys this project with proxmox-mpc. Usage: scripts/deploy.sh [ENVIRONMENT]   (default: %s)
                # The API token secret comes from PROXMOX_MPC_<ENVIRONMENT>_SECRET; it is never stored here.
                set -eu
                cd "$(dirname "$0")/.."
                ENVIRONMENT=${1:-%s}
                proxmox-mpc environment switch "$ENVIRONMENT"
                set +e
                proxmox-mpc --detailed-exitcode plan
                code=$?
                set -e
                case $code in
                  0) echo "Nothing to do."; exit 0 ;;
                  3) proxmox-mpc apply --yes ;;
                  *) exit $code ;;
                esac
                """.formatted(environment, environment);
    }

    static String terraformScript(String environment) {
        return """
                #!/bin/sh
                # Applies the Terraform files with plain Terraform. Usage: scripts/terraform-apply.sh [ENVIRONMENT]   (default: %s)
                # Set TF_VAR_api_token='user@realm!tokenid=secret' first; it is never stored here.
                set -eu
                cd "$(dirname "$0")/../terraform"
                ENVIRONMENT=${1:-%s}
                terraform init -input=false
                terraform apply -input=false -var-file="environments/$ENVIRONMENT.tfvars"
                """.formatted(environment, environment);
    }

    static String ansibleScript() {
        return """
                #!/bin/sh
                # Configures the guests with Ansible.
                # Usage: scripts/ansible-provision.sh [ENVIRONMENT] [ansible-playbook options]
                # ENVIRONMENT's variables come from ansible/environments/ENVIRONMENT/group_vars/all.yml.
                set -eu
                cd "$(dirname "$0")/../ansible"
                if [ $# -gt 0 ] && [ -f "environments/$1/group_vars/all.yml" ]; then
                  vars="environments/$1/group_vars/all.yml"
                  shift
                  exec ansible-playbook -i inventory.yml site.yml -e "@$vars" "$@"
                fi
                exec ansible-playbook -i inventory.yml site.yml "$@"
                """;
    }
}
