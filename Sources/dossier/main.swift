import DossierCLI

await DossierCommand.start()
